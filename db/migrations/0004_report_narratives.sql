CREATE TABLE `report_narratives` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`signature` blob,
	`length` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
