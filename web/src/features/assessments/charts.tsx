import { Badge, Box, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import { formatScore } from './api';

/*
 * Hand-made charts for assessment results, readable without sight: bars are HTML whose numbers are
 * text; the wheel and the lines over time are SVG images with a title and a description in words,
 * followed by their values as a table (or a visible list).
 */

/** Distinct line and area colors, each at least 4.5:1 against white. */
export const SERIES_COLORS = ['#0f7a57', '#1c5fbd', '#b3401a', '#7b3fb3', '#8a5a00', '#0b6e80', '#b5204f', '#495057'];

export interface BandDef {
  from: number;
  label: string;
  description?: string;
}

export interface BarRow {
  id: string;
  name: string;
  score: number | null;
  min: number;
  max: number;
  band: { label: string; description: string } | null;
  bands: BandDef[];
}

const BAND_TINTS = ['#f4f2ee', '#ebe8e1', '#e1ddd3', '#d6d1c5'];

const share = (value: number, min: number, max: number) => (max === min ? 0 : Math.min(1, Math.max(0, (value - min) / (max - min))));

/** The band ranges of a row, as shares of its track (for the shaded background). */
function bandSegments(row: Pick<BarRow, 'bands' | 'min' | 'max'>) {
  const sorted = [...row.bands].sort((a, b) => a.from - b.from);
  return sorted.map((band, index) => {
    const start = share(Math.max(band.from, row.min), row.min, row.max);
    const end = index + 1 < sorted.length ? share(sorted[index + 1]!.from, row.min, row.max) : 1;
    return { label: band.label, start, end };
  });
}

/**
 * One horizontal bar per subscale, on the subscale's full range, over its interpretation bands
 * (shaded, named along the top when every row shares them).
 */
export function ScoreBars({ rows, label, color = '#0f7a57' }: { rows: BarRow[]; label: string; color?: string }) {
  const sameBands = rows.length > 0 && rows.every((row) => JSON.stringify(bandSegments(row)) === JSON.stringify(bandSegments(rows[0]!)));
  const axis = sameBands ? bandSegments(rows[0]!) : null;
  return (
    <Box component="figure" m={0} aria-label={label}>
      {axis && axis.length > 1 && (
        <Box pos="relative" h={18} mb={4} ml={{ base: 0, sm: 200 }} aria-hidden>
          {axis.map((segment) => (
            <Text
              key={segment.label} size="xs" c="dimmed" fw={600} pos="absolute" ta="center" truncate
              style={{ left: `${segment.start * 100}%`, width: `${(segment.end - segment.start) * 100}%` }}
            >
              {segment.label}
            </Text>
          ))}
        </Box>
      )}
      <Stack gap="sm">
        {rows.map((row) => {
          const segments = bandSegments(row);
          const value = row.score === null ? null : share(row.score, row.min, row.max);
          return (
            <Group key={row.id} gap="sm" wrap="wrap" align="center">
              <Stack gap={0} w={{ base: '100%', sm: 188 }}>
                <Text size="sm" fw={600} lh={1.3}>{row.name}</Text>
                <Text size="xs" c="dimmed">
                  {formatScore(row.score)} <Text span size="xs" c="dimmed">({formatScore(row.min)}–{formatScore(row.max)})</Text>
                  {row.band && <> · <Text span size="xs" fw={600} c="stone.8">{row.band.label}</Text></>}
                </Text>
              </Stack>
              <Box pos="relative" h={26} style={{ flex: '1 1 240px', borderRadius: 6, overflow: 'hidden', background: BAND_TINTS[0] }} aria-hidden>
                {segments.map((segment, index) => (
                  <Box
                    key={segment.label}
                    pos="absolute" top={0} bottom={0}
                    style={{
                      left: `${segment.start * 100}%`, width: `${(segment.end - segment.start) * 100}%`, background: BAND_TINTS[index % BAND_TINTS.length],
                      borderLeft: index > 0 ? '1px solid #fff' : undefined,
                    }}
                  />
                ))}
                {value !== null && (
                  <>
                    <Box pos="absolute" left={0} top={7} h={12} style={{ width: `${Math.max(value * 100, 1.5)}%`, background: color, borderRadius: '0 6px 6px 0' }} />
                    <Box pos="absolute" top={3} h={20} w={4} style={{ left: `calc(${value * 100}% - 2px)`, background: '#2a2824', borderRadius: 2 }} />
                  </>
                )}
              </Box>
            </Group>
          );
        })}
      </Stack>
    </Box>
  );
}

/** Splits a long area name over two lines for the wheel's labels. */
function splitLabel(text: string): string[] {
  if (text.length <= 14) return [text];
  const words = text.split(' ');
  let first = words.shift() ?? '';
  while (words.length && `${first} ${words[0]}`.length <= 14) first = `${first} ${words.shift()}`;
  const rest = words.join(' ');
  if (!rest) return [first];
  return [first, rest.length > 16 ? `${rest.slice(0, 15)}…` : rest];
}

export interface WheelArea {
  id: string;
  name: string;
  score: number | null;
  band?: { label: string } | null;
}

/**
 * The wheel of life: one wedge per area, filled out from the center as far as its score. The
 * flatter the outline, the smoother the ride.
 */
export function WheelChart({ areas, min, max, title }: { areas: WheelArea[]; min: number; max: number; title: string }) {
  const titleId = useId();
  const descId = useId();
  // On a phone the names would be too small to read: the wheel shows the scores, the list below names them.
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const width = compact ? 420 : 640;
  const height = compact ? 420 : 540;
  const cx = width / 2;
  const cy = height / 2;
  const radius = compact ? 160 : 180;
  const step = (2 * Math.PI) / Math.max(1, areas.length);
  const start = -Math.PI / 2 - step / 2;
  const point = (angle: number, r: number) => [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as const;
  const wedge = (index: number, r: number) => {
    const a0 = start + index * step;
    const a1 = a0 + step;
    const [x0, y0] = point(a0, r);
    const [x1, y1] = point(a1, r);
    return `M${cx},${cy} L${x0.toFixed(1)},${y0.toFixed(1)} A${r},${r} 0 0 1 ${x1.toFixed(1)},${y1.toFixed(1)} Z`;
  };
  const rings = [];
  for (let value = min; value <= max; value += (max - min) / 5) rings.push(value);
  const scored = areas.filter((a) => a.score !== null) as (WheelArea & { score: number })[];
  const highest = [...scored].sort((a, b) => b.score - a.score)[0];
  const lowest = [...scored].sort((a, b) => a.score - b.score)[0];
  const summary = scored.length
    ? `${areas.length} areas rated from ${min} to ${max}. Highest: ${highest!.name} (${formatScore(highest!.score)}); lowest: ${lowest!.name} (${formatScore(lowest!.score)}).`
    : 'No area rated yet.';

  return (
    <Stack gap="md">
      <Box maw={560} mx="auto" w="100%">
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} style={{ display: 'block' }}>
          <title id={titleId}>{title}</title>
          <desc id={descId}>{summary}</desc>
          {areas.map((area, index) => <path key={`bg-${area.id}`} d={wedge(index, radius)} fill={index % 2 ? '#f7f6f3' : '#efede8'} stroke="#fff" strokeWidth="2" />)}
          {rings.map((value) => (
            <circle key={value} cx={cx} cy={cy} r={radius * share(value, min, max)} fill="none" stroke="#d6d1c5" strokeDasharray={value === max ? undefined : '2 4'} />
          ))}
          {areas.map((area, index) => (
            area.score === null ? null : (
              <path
                key={area.id} d={wedge(index, Math.max(2, radius * share(area.score, min, max)))}
                fill={SERIES_COLORS[index % SERIES_COLORS.length]} fillOpacity={0.82} stroke="#fff" strokeWidth="2"
              />
            )
          ))}
          {rings.slice(1).map((value) => (
            <text key={`t-${value}`} x={cx + 4} y={cy - radius * share(value, min, max) + 12} fontSize="11" fill="#5c636a">{formatScore(value)}</text>
          ))}
          {areas.map((area, index) => {
            const angle = start + (index + 0.5) * step;
            if (compact) {
              const [x, y] = point(angle, radius + 24);
              return (
                <text key={`l-${area.id}`} x={x} y={y + 9} textAnchor="middle" fontSize="26" fontWeight="700" fill={SERIES_COLORS[index % SERIES_COLORS.length]}>
                  {formatScore(area.score)}
                </text>
              );
            }
            const [x, y] = point(angle, radius + 26);
            const cos = Math.cos(angle);
            const anchor = Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
            const lines = splitLabel(area.name);
            const top = y - ((lines.length + 1) * 15) / 2 + 12;
            return (
              <text key={`l-${area.id}`} x={x} y={top} textAnchor={anchor} fontSize="14" fill="#2a2824">
                {lines.map((line, i) => <tspan key={i} x={x} dy={i === 0 ? 0 : 16} fontWeight="600">{line}</tspan>)}
                <tspan x={x} dy={17} fontSize="14" fontWeight="700" fill={SERIES_COLORS[index % SERIES_COLORS.length]}>{formatScore(area.score)}</tspan>
              </text>
            );
          })}
        </svg>
      </Box>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={`${title}: the areas and their scores`}>
        {areas.map((area, index) => (
          <Group key={area.id} component="li" gap={8} wrap="nowrap">
            <Box w={12} h={12} style={{ borderRadius: 3, background: SERIES_COLORS[index % SERIES_COLORS.length], flexShrink: 0 }} aria-hidden />
            <Text size="sm">
              {area.name}: <Text span fw={700}>{formatScore(area.score)}</Text>
            </Text>
          </Group>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export interface Series {
  id: string;
  name: string;
  points: { key: string; label: string; score: number | null }[];
}

/**
 * Scores over time: one line per subscale across the attempts, oldest on the left, with the
 * values as a table for screen readers.
 */
export function HistoryChart({ series, min, max, title }: { series: Series[]; min: number; max: number; title: string }) {
  const titleId = useId();
  const descId = useId();
  const compact = useMediaQuery('(max-width: 36em)') ?? false;
  const width = compact ? 380 : 680;
  const height = compact ? 240 : 260;
  const pad = { left: 40, right: compact ? 16 : 24, top: 16, bottom: 36 };
  const columns = series[0]?.points ?? [];
  const x = (index: number) => pad.left + (columns.length <= 1 ? 0.5 : index / (columns.length - 1)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - share(value, min, max)) * (height - pad.top - pad.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => min + t * (max - min));
  const summary = `${series.length} scores over ${columns.length} attempts, from ${columns[0]?.label ?? ''} to ${columns.at(-1)?.label ?? ''}. `
    + series.map((s) => {
      const values = s.points.map((p) => p.score).filter((v): v is number => v !== null);
      return `${s.name}: ${values.map(formatScore).join(' → ')}`;
    }).join('; ');

  return (
    <Stack gap="sm">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} style={{ display: 'block', maxHeight: 300 }}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#eeece7" />
            <text x={pad.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#5c636a">{formatScore(Math.round(tick * 10) / 10)}</text>
          </g>
        ))}
        {columns.map((column, index) => (
          <text key={column.key} x={x(index)} y={height - 12} textAnchor={columns.length === 1 ? 'middle' : index === 0 ? 'start' : index === columns.length - 1 ? 'end' : 'middle'} fontSize="11" fill="#5c636a">
            {column.label}
          </text>
        ))}
        {series.map((s, seriesIndex) => {
          const color = SERIES_COLORS[seriesIndex % SERIES_COLORS.length];
          const drawn = s.points.map((p, index) => ({ ...p, index })).filter((p) => p.score !== null) as { score: number; index: number; key: string }[];
          const path = drawn.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.index).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
          return (
            <g key={s.id}>
              <path d={path} fill="none" stroke={color} strokeWidth="2.5" strokeLinejoin="round" strokeLinecap="round" />
              {drawn.map((p) => <circle key={p.key} cx={x(p.index)} cy={y(p.score)} r="4" fill="#fff" stroke={color} strokeWidth="2.5" />)}
            </g>
          );
        })}
      </svg>
      <Group gap="md" wrap="wrap" aria-hidden>
        {series.map((s, index) => (
          <Group key={s.id} gap={6} wrap="nowrap">
            <svg width="22" height="10" aria-hidden focusable="false">
              <line x1="1" x2="21" y1="5" y2="5" stroke={SERIES_COLORS[index % SERIES_COLORS.length]} strokeWidth="3" />
            </svg>
            <Text size="xs" c="stone.8">{s.name}</Text>
          </Group>
        ))}
      </Group>
      <VisuallyHidden>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr><th scope="col">Score</th>{columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.id}><th scope="row">{s.name}</th>{s.points.map((p) => <td key={p.key}>{formatScore(p.score)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Stack>
  );
}

/** Change from the first to the latest attempt, as a small badge. */
export function DeltaBadge({ delta }: { delta: number }) {
  const label = delta === 0 ? 'no change' : `${delta > 0 ? '+' : '−'}${formatScore(Math.abs(delta))}`;
  return (
    <Badge variant="light" color={delta > 0 ? 'cairn' : delta < 0 ? 'amber' : 'gray'} size="sm">{label}</Badge>
  );
}
