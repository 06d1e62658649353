-- CreateEnum
CREATE TYPE "LiveTeamAssign" AS ENUM ('RANDOM', 'BY_SIZE', 'PICK');

-- CreateEnum
CREATE TYPE "LivePaceKind" AS ENUM ('TOO_FAST', 'LOST');

-- AlterTable
ALTER TABLE "LiveSession" ADD COLUMN     "pointsPerQuestion" INTEGER NOT NULL DEFAULT 1000,
ADD COLUMN     "speedBonus" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "streakBonus" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "teamAssign" "LiveTeamAssign",
ADD COLUMN     "teamCount" INTEGER,
ADD COLUMN     "teamSize" INTEGER,
ADD COLUMN     "teamTalkS" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LiveQuestion" ADD COLUMN     "reaskMistake" TEXT,
ADD COLUMN     "reaskOfId" TEXT;

-- AlterTable
ALTER TABLE "LiveParticipant" ADD COLUMN     "team" INTEGER;

-- CreateTable
CREATE TABLE "LivePaceSignal" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "kind" "LivePaceKind" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LivePaceSignal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LivePaceSignal_sessionId_questionIndex_participantId_key" ON "LivePaceSignal"("sessionId", "questionIndex", "participantId");

-- AddForeignKey
ALTER TABLE "LiveQuestion" ADD CONSTRAINT "LiveQuestion_reaskOfId_fkey" FOREIGN KEY ("reaskOfId") REFERENCES "LiveQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivePaceSignal" ADD CONSTRAINT "LivePaceSignal_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LivePaceSignal" ADD CONSTRAINT "LivePaceSignal_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "LiveParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
