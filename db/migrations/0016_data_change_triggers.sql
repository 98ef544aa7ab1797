-- The data version (db/schema/data-changes.ts): any statement that changes one of these
-- tables notes its transaction in data_changes, visible when the transaction commits.
-- Statement-level, so a COPY of a million rows costs one insert, and ON CONFLICT keeps
-- it to one row per transaction with no lock that concurrent writers wait on.
-- Every other base table of the public schema is listed in DATA_VERSION_EXEMPT
-- (db/schema/data-changes.ts); a test fails for a new table that is in neither.
CREATE OR REPLACE FUNCTION note_data_change() RETURNS trigger AS $$
BEGIN
  INSERT INTO data_changes (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER data_change_agreement_comments AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_comments FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_agreement_documents AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_documents FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_agreement_payments AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_payments FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_agreement_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_versions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_agreements AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreements FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_area_links AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area_links FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_areas AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON areas FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_custom_place_members AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON custom_place_members FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_custom_places AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON custom_places FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_demand_scenarios AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON demand_scenarios FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_geography_exceptions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON geography_exceptions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_episodes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_episodes FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_funding_awards AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_funding_awards FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_service_areas AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_service_areas FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_service_sites AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_service_sites FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_services AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_services FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_synthetic_organisations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_synthetic_organisations FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_training FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_hjp_uploads AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hjp_uploads FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_icb_place_schemes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON icb_place_schemes FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_import_runs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON import_runs FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_indicator_values AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_values FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_indicators AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicators FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_organisations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_pack_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pack_versions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_packs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON packs FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_practices AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practices FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_boundaries AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_boundaries FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_census_age AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_census_age FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_census_ethnicity AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_census_ethnicity FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_imd2025_icb AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_imd2025_icb FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_imd2025_lsoa AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_imd2025_lsoa FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_lad_region AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_lad_region FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_lad_utla AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_lad_utla FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_lsoa_icb AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_lsoa_icb FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_lsoa_lad AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_lsoa_lad FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_pcn_imd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_pcn_imd FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_practice_imd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_practice_imd FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_practice_locations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_practice_locations FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_qof_mapping AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_qof_mapping FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_ref_qof_prevalence AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ref_qof_prevalence FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_reporting_requirements AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reporting_requirements FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_return_uploads AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON return_uploads FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_return_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON return_versions FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_returns AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON returns FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_users AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_vfm_inflation_index AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vfm_inflation_index FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
--> statement-breakpoint
CREATE TRIGGER data_change_vfm_unit_costs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON vfm_unit_costs FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
