'use client';

import { SegmentError, type SegmentErrorProps } from '@/components/segment-error';

export default function ExercisesError(props: Pick<SegmentErrorProps, 'error' | 'reset'>) {
  return (
    <SegmentError
      {...props}
      title={{ ko: '연습문제를 표시하지 못했습니다', en: 'The exercise could not be shown' }}
      body={{ ko: '잠시 후 다시 시도해 주세요. 제출한 답은 모두 저장되어 있습니다.', en: 'Please try again in a moment. Every answer you submitted is stored.' }}
    />
  );
}
