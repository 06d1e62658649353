'use client';

import { SegmentError, type SegmentErrorProps } from '@/components/segment-error';

export default function UnitsError(props: Pick<SegmentErrorProps, 'error' | 'reset'>) {
  return (
    <SegmentError
      {...props}
      title={{ ko: '유닛을 표시하지 못했습니다', en: 'The unit could not be shown' }}
    />
  );
}
