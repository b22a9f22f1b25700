-- Keep only the newest open cycle open before allowing one at a time.
UPDATE "review_cycles" SET "status" = 'closed', "revision" = "revision" + 1
WHERE "status" = 'open'
  AND "id" <> (SELECT "id" FROM "review_cycles" WHERE "status" = 'open' ORDER BY "starts_on" DESC, "created_at" DESC LIMIT 1);--> statement-breakpoint
CREATE UNIQUE INDEX "review_cycles_one_open_uq" ON "review_cycles" USING btree ("status") WHERE "review_cycles"."status" = 'open';
