'use client';

import { SegmentError, type SegmentErrorProps } from '@/components/segment-error';

export default function RootError(props: Pick<SegmentErrorProps, 'error' | 'reset'>) {
  return (
    <SegmentError
      {...props}
      title={{ ko: '페이지를 표시하지 못했습니다', en: 'The page could not be shown' }}
    />
  );
}
