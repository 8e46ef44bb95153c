DROP INDEX `agencies_region`;--> statement-breakpoint
CREATE INDEX `agencies_region` ON `agencies` (`region_code`,`name`);