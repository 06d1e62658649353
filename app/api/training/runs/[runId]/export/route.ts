import { requireUser } from '@/lib/auth/require-user';
import { handleRoute } from '@/lib/http/handle-route';
import { exportRun } from '@/lib/training/runs/export-run';

/** The run as a runnable PyTorch script, downloaded as a .py file (every gradient-trained model). */
export const GET = handleRoute(async (_request, { params }: { params: Promise<{ runId: string }> }) => {
  const user = await requireUser();
  const { runId } = await params;
  const { filename, script } = await exportRun({ userId: user.id, runId });
  return new Response(script, {
    headers: {
      'Content-Type': 'text/x-python; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
