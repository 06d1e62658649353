-- CreateEnum
CREATE TYPE "LiveTeamAssign" AS ENUM ('RANDOM', 'BY_SIZE', 'PICK');

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

-- AddForeignKey
ALTER TABLE "LiveQuestion" ADD CONSTRAINT "LiveQuestion_reaskOfId_fkey" FOREIGN KEY ("reaskOfId") REFERENCES "LiveQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
