CREATE TABLE `region_agency_years` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`previous_year` integer NOT NULL,
	`agencies` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`region_code`, `year`, `previous_year`)
);
--> statement-breakpoint
CREATE TABLE `region_field_totals` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`field` text NOT NULL,
	`total` real DEFAULT 0 NOT NULL,
	`reports` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`region_code`, `year`, `field`)
);
--> statement-breakpoint
CREATE TABLE `region_year_totals` (
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`reports` integer DEFAULT 0 NOT NULL,
	`synthetic` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`warnings` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`region_code`, `year`)
);
