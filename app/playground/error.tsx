'use client';

import { SegmentError, type SegmentErrorProps } from '@/components/segment-error';

export default function PlaygroundError(props: Pick<SegmentErrorProps, 'error' | 'reset'>) {
  return (
    <SegmentError
      {...props}
      title={{ ko: '플레이그라운드를 표시하지 못했습니다', en: 'The playground could not be shown' }}
    />
  );
}
