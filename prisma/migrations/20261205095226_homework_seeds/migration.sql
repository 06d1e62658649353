-- CreateTable
CREATE TABLE "HomeworkSeed" (
    "userId" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "seed" BIGINT NOT NULL,
    "variantKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomeworkSeed_pkey" PRIMARY KEY ("userId","typeId","round")
);

-- CreateIndex
CREATE INDEX "HomeworkSeed_typeId_round_userId_variantKey_idx" ON "HomeworkSeed"("typeId", "round", "userId", "variantKey");

-- AddForeignKey
ALTER TABLE "HomeworkSeed" ADD CONSTRAINT "HomeworkSeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
