-- AlterTable
ALTER TABLE "LiveQuestion" ADD COLUMN     "predict" JSONB,
ADD COLUMN     "predictOutcome" JSONB,
ADD COLUMN     "predictRunIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
