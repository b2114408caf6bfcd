import { Box, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId } from 'react';
import type { Proposal } from './api';

/**
 * How the proposal's pairs spread over fit (the score as a share of the best possible), in bars
 * per tenth. An image with a title and a description in words, and the counts as a table.
 */
export function DistributionChart({ distribution }: { distribution: Proposal['distribution'] }) {
  const titleId = useId();
  const descId = useId();
  const { ref, width: measured } = useElementSize();
  const width = Math.max(280, Math.round(measured || 560));
  const height = 180;
  const pad = { left: 32, right: 8, top: 16, bottom: 30 };
  const most = Math.max(1, ...distribution.buckets.map((b) => b.count));
  const total = distribution.buckets.reduce((sum, b) => sum + b.count, 0);
  const slot = (width - pad.left - pad.right) / distribution.buckets.length;
  const y = (count: number) => pad.top + (1 - count / most) * (height - pad.top - pad.bottom);
  const summary = total === 0
    ? 'No pairs in this proposal.'
    : `${total} ${total === 1 ? 'pair' : 'pairs'}: fit from ${distribution.min}% to ${distribution.max}%, median ${distribution.median}%, mean ${distribution.mean}%.`;
  return (
    <Stack gap={6}>
      <Box ref={ref}>
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} style={{ display: 'block' }}>
          <title id={titleId}>Score distribution of the proposed pairs</title>
          <desc id={descId}>{summary}</desc>
          <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} stroke="#c9c4b8" />
          <text x={pad.left - 6} y={y(most) + 4} textAnchor="end" fontSize="11" fill="#5c636a">{most}</text>
          <text x={pad.left - 6} y={height - pad.bottom + 4} textAnchor="end" fontSize="11" fill="#5c636a">0</text>
          {distribution.buckets.map((bucket, index) => {
            const x = pad.left + index * slot;
            return (
              <g key={bucket.from}>
                {bucket.count > 0 && <rect x={x + 3} width={Math.max(2, slot - 6)} y={y(bucket.count)} height={height - pad.bottom - y(bucket.count)} rx={3} fill="#0f7a57" />}
                {bucket.count > 0 && <text x={x + slot / 2} y={y(bucket.count) - 4} textAnchor="middle" fontSize="11" fontWeight="700" fill="#0b5e43">{bucket.count}</text>}
                {(index % 2 === 0 || width >= 480) && <text x={x + slot / 2} y={height - 12} textAnchor="middle" fontSize="10" fill="#5c636a">{`${bucket.from}%`}</text>}
              </g>
            );
          })}
        </svg>
      </Box>
      <Text size="xs" c="dimmed" aria-hidden>Pairs per band of fit (share of the best possible score). {summary}</Text>
      <VisuallyHidden>
        <table>
          <caption>Proposed pairs per band of fit</caption>
          <thead><tr><th scope="col">Fit</th><th scope="col">Pairs</th></tr></thead>
          <tbody>
            {distribution.buckets.map((bucket) => <tr key={bucket.from}><td>{`${bucket.from}–${bucket.to}%`}</td><td>{bucket.count}</td></tr>)}
          </tbody>
        </table>
      </VisuallyHidden>
    </Stack>
  );
}
