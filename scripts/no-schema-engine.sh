#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on offline machines.
# `prisma generate` only needs the path to exist; migrations run through `npm run db:migrate`.
echo "The native Prisma schema engine is not installed; run migrations with 'npm run db:migrate'." >&2
exit 1
