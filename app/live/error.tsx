'use client';

import { SegmentError, type SegmentErrorProps } from '@/components/segment-error';

export default function LiveError(props: Pick<SegmentErrorProps, 'error' | 'reset'>) {
  return (
    <SegmentError
      {...props}
      title={{ ko: '라이브 세션 화면을 표시하지 못했습니다', en: 'The live session screen could not be shown' }}
      body={{ ko: '잠시 후 다시 시도해 주세요. 세션과 답은 모두 저장되어 있습니다.', en: 'Please try again in a moment. The session and every answer are stored.' }}
    />
  );
}
