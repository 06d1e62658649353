'use client';

import { SegmentError, type SegmentErrorProps } from '@/components/segment-error';

export default function JoinError(props: Pick<SegmentErrorProps, 'error' | 'reset'>) {
  return (
    <SegmentError
      {...props}
      title={{ ko: '라이브 세션 화면을 표시하지 못했습니다', en: 'The live session screen could not be shown' }}
      body={{ ko: '다시 시도해 주세요. 제출한 답과 점수는 저장되어 있습니다.', en: 'Please try again. Your answers and score are stored.' }}
    />
  );
}
