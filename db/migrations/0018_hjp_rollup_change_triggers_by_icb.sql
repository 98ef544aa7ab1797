-- HJP roll-up changes per ICB (db/schema/hjp-rollup-cells.ts). Episodes and services now
-- record the ICBs a statement touched, read from its transition tables, so an upload for
-- one ICB leaves every other ICB's cells current. Geography, practices and place schemes
-- keep the trigger of migration 0014, which writes '*' (every ICB). A trigger with
-- transition tables fires for one event and names one table of each kind, so each table
-- has one trigger per event, all naming the rows they read `changed`; an update has two
-- (the rows before, for the ICB a row left, and after, for the one it joined). A
-- statement that changes no row records nothing, since nothing changed.
CREATE OR REPLACE FUNCTION hjp_rollup_note_episodes() RETURNS trigger AS $$
BEGIN
  INSERT INTO hjp_rollup_changes (txid, icb_code)
    SELECT DISTINCT txid_current(), s.icb_code
      FROM (SELECT DISTINCT service_id FROM changed) c JOIN hjp_services s ON s.id = c.service_id
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- For any table with an icb_code column (services here; place schemes and custom places in 0019).
CREATE OR REPLACE FUNCTION hjp_rollup_note_icb_rows() RETURNS trigger AS $$
BEGIN
  INSERT INTO hjp_rollup_changes (txid, icb_code)
    SELECT DISTINCT txid_current(), icb_code FROM changed
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER hjp_rollup_change_hjp_episodes ON hjp_episodes;
--> statement-breakpoint
DROP TRIGGER hjp_rollup_change_hjp_services ON hjp_services;
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_episodes_insert AFTER INSERT ON hjp_episodes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_episodes();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_episodes_update_old AFTER UPDATE ON hjp_episodes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_episodes();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_episodes_update_new AFTER UPDATE ON hjp_episodes REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_episodes();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_episodes_delete AFTER DELETE ON hjp_episodes REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_episodes();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_episodes_truncate AFTER TRUNCATE ON hjp_episodes FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_services_insert AFTER INSERT ON hjp_services REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_services_update_old AFTER UPDATE ON hjp_services REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_services_update_new AFTER UPDATE ON hjp_services REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_services_delete AFTER DELETE ON hjp_services REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_icb_rows();
--> statement-breakpoint
CREATE TRIGGER hjp_rollup_change_hjp_services_truncate AFTER TRUNCATE ON hjp_services FOR EACH STATEMENT EXECUTE FUNCTION hjp_rollup_note_change();
