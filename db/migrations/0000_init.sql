CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`region_code` text,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_name_region` ON `agencies` (`name`,`region_code`);--> statement-breakpoint
CREATE INDEX `agencies_region` ON `agencies` (`region_code`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`rule` text NOT NULL,
	`severity` text NOT NULL,
	`message` text NOT NULL,
	`fields` text,
	`line` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `findings_report` ON `findings` (`report_id`);--> statement-breakpoint
CREATE INDEX `findings_rule` ON `findings` (`rule`);--> statement-breakpoint
CREATE TABLE `ingest_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`path` text NOT NULL,
	`kind` text DEFAULT 'failed' NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `ingest_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ingest_failures_run` ON `ingest_failures` (`run_id`);--> statement-breakpoint
CREATE TABLE `ingest_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`files_seen` integer DEFAULT 0 NOT NULL,
	`ingested` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` integer NOT NULL,
	`parent_code` text,
	`path` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `regions_parent` ON `regions` (`parent_code`);--> statement-breakpoint
CREATE INDEX `regions_name` ON `regions` (`name`);--> statement-breakpoint
CREATE TABLE `report_values` (
	`report_id` integer NOT NULL,
	`field` text NOT NULL,
	`value` real,
	`line` integer,
	PRIMARY KEY(`report_id`, `field`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agency_id` integer,
	`year` integer,
	`region_code` text,
	`template` text,
	`source_path` text NOT NULL,
	`sha256` text NOT NULL,
	`parse_status` text NOT NULL,
	`current` integer DEFAULT true NOT NULL,
	`synthetic` integer DEFAULT false NOT NULL,
	`source_url` text,
	`published_date` text,
	`proactive_items` integer,
	`proactive_items_line` integer,
	`requests_received` integer,
	`requests_received_line` integer,
	`encoding` text,
	`source_text` text NOT NULL,
	`ingested_at` text DEFAULT (datetime('now')) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_scope` ON `reports` (`current`,`region_code`,`year`);--> statement-breakpoint
CREATE INDEX `reports_agency_year` ON `reports` (`agency_id`,`year`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_current_agency_year` ON `reports` (`agency_id`,`year`) WHERE "reports"."current" = 1;--> statement-breakpoint
CREATE INDEX `reports_sha` ON `reports` (`sha256`);--> statement-breakpoint
CREATE INDEX `reports_path` ON `reports` (`source_path`);