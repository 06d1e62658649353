-- AlterTable
ALTER TABLE "LiveQuestion" ADD COLUMN     "reaskMistake" TEXT,
ADD COLUMN     "reaskOfId" TEXT;

-- AddForeignKey
ALTER TABLE "LiveQuestion" ADD CONSTRAINT "LiveQuestion_reaskOfId_fkey" FOREIGN KEY ("reaskOfId") REFERENCES "LiveQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
