'use client';

import { SegmentError, type SegmentErrorProps } from '@/components/segment-error';

export default function ClassError(props: Pick<SegmentErrorProps, 'error' | 'reset'>) {
  return (
    <SegmentError
      {...props}
      title={{ ko: '페이지를 불러오지 못했습니다', en: 'This page could not be loaded' }}
      body={{ ko: '잠시 후 다시 시도하세요. 문제가 계속되면 강사에게 알려 주세요.', en: 'Please try again in a moment. If it keeps happening, tell your instructor.' }}
    />
  );
}
