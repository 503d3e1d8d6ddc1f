DROP INDEX "programmes_network_id_stage_index";--> statement-breakpoint
CREATE INDEX "participants_site_code_idx" ON "participants" USING btree ("network_id","site_organisation_id","code");--> statement-breakpoint
CREATE INDEX "participants_site_programme_code_idx" ON "participants" USING btree ("network_id","site_organisation_id","programme_id","code");--> statement-breakpoint
CREATE INDEX "programmes_network_name_idx" ON "programmes" USING btree ("network_id","name","id");--> statement-breakpoint
CREATE INDEX "programmes_network_stage_name_idx" ON "programmes" USING btree ("network_id","stage","name","id");