ALTER TABLE `findings` ADD `scope` text DEFAULT 'report' NOT NULL;--> statement-breakpoint
ALTER TABLE `findings` ADD `evidence` text;