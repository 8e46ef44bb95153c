-- The two tables with a row per figure (a report's ~200 values; a region's totals per field) are
-- stored WITHOUT ROWID: the primary key is then the table itself, one B-tree instead of a rowid
-- table plus the key's index. Each insert writes one tree, not two, and the tables take about
-- half the disk. drizzle's schema cannot say WITHOUT ROWID, so this migration is written by hand
-- (db/schema.ts still declares the same columns and keys; PostgreSQL has no rowid to drop).
CREATE TABLE `__new_report_values` (
	`report_id` integer NOT NULL,
	`field` text NOT NULL,
	`value` real,
	`line` integer,
	PRIMARY KEY(`report_id`, `field`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_report_values` SELECT `report_id`, `field`, `value`, `line` FROM `report_values`;
--> statement-breakpoint
DROP TABLE `report_values`;
--> statement-breakpoint
ALTER TABLE `__new_report_values` RENAME TO `report_values`;
--> statement-breakpoint
CREATE TABLE `__new_region_field_totals` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`field` text NOT NULL,
	`total` real DEFAULT 0 NOT NULL,
	`reports` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`region_code`, `year`, `field`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_region_field_totals` SELECT `region_code`, `year`, `field`, `total`, `reports` FROM `region_field_totals`;
--> statement-breakpoint
DROP TABLE `region_field_totals`;
--> statement-breakpoint
ALTER TABLE `__new_region_field_totals` RENAME TO `region_field_totals`;
