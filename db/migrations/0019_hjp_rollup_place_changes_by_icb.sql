-- An ICB's own places (its place scheme, custom places and their members) are only its
-- own footprint: a change to them now rebuilds that ICB's roll-up cells, not every ICB's.
-- Place schemes and custom places carry icb_code (hjp_rollup_note_icb_rows, migration
-- 0018); members find theirs through their place. Triggers as in 0018.
CREATE OR REPLACE FUNCTION hjp_rollup_note_place_members() RETURNS trigger AS $$
BEGIN
  INSERT INTO hjp_rollup_changes (txid, icb_code)
    SELECT DISTINCT txid_current(), p.icb_code
      FROM (SELECT DISTINCT place_code FROM changed) c JOIN custom_places p ON p.code = c.place_code
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER hjp_rollup_change_icb_place_schemes ON icb_place_schemes;
--> statement-breakpoint
DROP TRIGGER hjp_rollup_change_custom_places ON custom_places;
--> statement-breakpoint
DROP TRIGGER hjp_rollup_change_custom_place_members ON custom_place_members;
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_icb_place_schemes_insert AFTER INSERT ON icb_place_schemes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_icb_place_schemes_update_old AFTER UPDATE ON icb_place_schemes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_icb_place_schemes_update_new AFTER UPDATE ON icb_place_schemes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_icb_place_schemes_delete AFTER DELETE ON icb_place_schemes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_icb_place_schemes_truncate AFTER TRUNCATE ON icb_place_schemes FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_places_insert AFTER INSERT ON custom_places REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_places_update_old AFTER UPDATE ON custom_places REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_places_update_new AFTER UPDATE ON custom_places REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_places_delete AFTER DELETE ON custom_places REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_places_truncate AFTER TRUNCATE ON custom_places FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_place_members_insert AFTER INSERT ON custom_place_members REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_place_members();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_place_members_update_old AFTER UPDATE ON custom_place_members REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_place_members();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_place_members_update_new AFTER UPDATE ON custom_place_members REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_place_members();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_place_members_delete AFTER DELETE ON custom_place_members REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_place_members();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_place_members_truncate AFTER TRUNCATE ON custom_place_members FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
