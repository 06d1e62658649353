-- DropIndex
DROP INDEX "Attempt_userId_typeId_round_idx";

-- DropIndex
DROP INDEX "Attempt_typeId_idx";

-- CreateIndex
CREATE INDEX "Attempt_userId_typeId_round_createdAt_score_correct_idx" ON "Attempt"("userId", "typeId", "round", "createdAt", "score", "correct");

-- CreateIndex
CREATE INDEX "Attempt_typeId_createdAt_userId_score_correct_idx" ON "Attempt"("typeId", "createdAt", "userId", "score", "correct");

-- CreateIndex
CREATE INDEX "Attempt_mistake_typeId_userId_createdAt_idx" ON "Attempt"("mistake", "typeId", "userId", "createdAt");
