-- CreateTable
CREATE TABLE "AttemptTotal" (
    "userId" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "solved" INTEGER NOT NULL,
    "best" DOUBLE PRECISION NOT NULL,
    "scoreSum" DOUBLE PRECISION NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttemptTotal_pkey" PRIMARY KEY ("userId","typeId")
);

-- AddForeignKey
ALTER TABLE "AttemptTotal" ADD CONSTRAINT "AttemptTotal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keeping "AttemptTotal" in step with "Attempt", in the transaction that writes the attempts.
-- The function bodies are E-strings with \x3b for the semicolon: the migration runner (the pg
-- driver adapter of the wasm schema engine) splits a migration at every semicolon character.
-- Inserts (one submit or a bulk insert) add to the totals with one upsert per (student, type):
-- ON CONFLICT DO UPDATE locks the row, so concurrent inserts add up exactly.
CREATE FUNCTION attempt_total_add() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "AttemptTotal" AS t ("userId", "typeId", attempts, solved, best, "scoreSum", "firstAt", "lastAt")
  SELECT n."userId", n."typeId", COUNT(*)::int, COUNT(*) FILTER (WHERE n.correct)::int, MAX(n.score), SUM(n.score), MIN(n."createdAt"), MAX(n."createdAt")
    FROM added n
   GROUP BY n."userId", n."typeId"
  ON CONFLICT ("userId", "typeId") DO UPDATE SET
    attempts = t.attempts + EXCLUDED.attempts,
    solved = t.solved + EXCLUDED.solved,
    best = GREATEST(t.best, EXCLUDED.best),
    "scoreSum" = t."scoreSum" + EXCLUDED."scoreSum",
    "firstAt" = LEAST(t."firstAt", EXCLUDED."firstAt"),
    "lastAt" = GREATEST(t."lastAt", EXCLUDED."lastAt")\x3b
  RETURN NULL\x3b
END';

-- Updates and deletes (rare: none in the application, a deleted account cascades) recompute the
-- touched (student, type) pairs from the attempts left. A pair with none left loses its row, and
-- nothing is inserted for a student whose attempts are gone (an account being deleted).
CREATE FUNCTION attempt_total_refresh() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  pair_users text[]\x3b
  pair_types text[]\x3b
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    SELECT array_agg(p.u), array_agg(p.t) INTO pair_users, pair_types
      FROM (SELECT o."userId" AS u, o."typeId" AS t FROM removed o UNION SELECT n."userId", n."typeId" FROM added n) p\x3b
  ELSE
    SELECT array_agg(p.u), array_agg(p.t) INTO pair_users, pair_types
      FROM (SELECT DISTINCT o."userId" AS u, o."typeId" AS t FROM removed o) p\x3b
  END IF\x3b
  DELETE FROM "AttemptTotal" s USING unnest(pair_users, pair_types) AS p(u, t) WHERE s."userId" = p.u AND s."typeId" = p.t\x3b
  INSERT INTO "AttemptTotal" ("userId", "typeId", attempts, solved, best, "scoreSum", "firstAt", "lastAt")
  SELECT a."userId", a."typeId", COUNT(*)::int, COUNT(*) FILTER (WHERE a.correct)::int, MAX(a.score), SUM(a.score), MIN(a."createdAt"), MAX(a."createdAt")
    FROM "Attempt" a JOIN unnest(pair_users, pair_types) AS p(u, t) ON a."userId" = p.u AND a."typeId" = p.t
   GROUP BY a."userId", a."typeId"\x3b
  RETURN NULL\x3b
END';

CREATE TRIGGER attempt_total_after_insert AFTER INSERT ON "Attempt" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION attempt_total_add();
CREATE TRIGGER attempt_total_after_update AFTER UPDATE ON "Attempt" REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION attempt_total_refresh();
CREATE TRIGGER attempt_total_after_delete AFTER DELETE ON "Attempt" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION attempt_total_refresh();

-- Backfill: every attempt stored before this migration.
INSERT INTO "AttemptTotal" ("userId", "typeId", attempts, solved, best, "scoreSum", "firstAt", "lastAt")
SELECT "userId", "typeId", COUNT(*)::int, COUNT(*) FILTER (WHERE correct)::int, MAX(score), SUM(score), MIN("createdAt"), MAX("createdAt")
  FROM "Attempt"
 GROUP BY "userId", "typeId"
ON CONFLICT ("userId", "typeId") DO UPDATE SET
  attempts = EXCLUDED.attempts, solved = EXCLUDED.solved, best = EXCLUDED.best, "scoreSum" = EXCLUDED."scoreSum", "firstAt" = EXCLUDED."firstAt", "lastAt" = EXCLUDED."lastAt";
