-- The HJP roll-up cells (hjp_rollup_cells) are derived from these tables. Any
-- statement that changes one of them notes its transaction in hjp_rollup_changes; the
-- row becomes visible when the transaction commits, and a page that counts more rows
-- than an ICB's cells were built with rebuilds them (app/services/hjp/cells.server.ts).
-- Statement-level, so a COPY of a million episodes costs one insert, and ON CONFLICT
-- keeps it to one row per transaction with no lock that concurrent writers wait on.
CREATE OR REPLACE FUNCTION hjp_rollup_note_change() RETURNS trigger AS $$
BEGIN
  INSERT INTO hjp_rollup_changes (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_episodes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_episodes FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_services AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_services FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_areas AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON areas FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_area_links AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_links FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_practices AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practices FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_icb_place_schemes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON icb_place_schemes FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_places AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON custom_places FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_custom_place_members AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON custom_place_members FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
