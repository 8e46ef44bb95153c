CREATE TABLE `report_figures` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`agency_id` integer,
	`region_code` text,
	`year` integer NOT NULL,
	`synthetic` integer NOT NULL,
	`received` real,
	`handled` real,
	`granted` real,
	`denied` real,
	`proactive_items` real,
	`licensing` real,
	`penalty` real,
	`reviews` real,
	`reviews_corrected` real,
	`lawsuits` real,
	`lawsuits_corrected` real,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_figures_scope` ON `report_figures` (`year`,`region_code`);--> statement-breakpoint
CREATE INDEX `report_figures_agency` ON `report_figures` (`agency_id`,`year`);