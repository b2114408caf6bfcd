import { Box, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useId } from 'react';
import { useFormat } from '../../platform/format';
import type { GoalTimeline, TimelineGoal } from './api';
import { number, percent } from './labels';

/*
 * Hand-made SVG charts: small, styled like the rest of Cairn, and readable without sight. Each
 * chart is an image with a title and a description that say what it shows in words, followed by
 * the values as a table for screen readers.
 */

const COLORS = {
  actual: '#0f7a57',
  planned: '#6f6a5e',
  target: '#b07d00',
  grid: '#eeece7',
  axis: '#5c636a',
  today: '#3b5bdb',
  done: '#0f7a57',
  overdue: '#c92a2a',
  upcoming: '#6f6a5e',
  track: '#e7f5f0',
};

const dayMs = (ymd: string) => Date.parse(`${ymd.slice(0, 10)}T00:00:00Z`);

function niceTicks(min: number, max: number, count = 4): number[] {
  if (min === max) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? rough;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step / 1000; value += step) ticks.push(Number(value.toFixed(6)));
  return ticks;
}

/** One goal's progress against the planned path from baseline to target, with the target line. */
export function ProgressChart({ goal, startDate, plannedEndDate, today }: { goal: TimelineGoal; startDate: string; plannedEndDate: string; today: string }) {
  const format = useFormat();
  const titleId = useId();
  const descId = useId();
  // Drawn at the width it is shown, so its text stays readable on a phone.
  const { ref, width: measured } = useElementSize();
  const width = Math.max(280, Math.round(measured || 640));
  const height = width < 480 ? 200 : 230;
  const pad = { left: 40, right: width < 480 ? 70 : 92, top: 16, bottom: 34 };

  const firstDay = [startDate, ...goal.points.map((p) => p.date)].sort()[0]!;
  const lastDay = [plannedEndDate, goal.targetDate, ...goal.points.map((p) => p.date)].sort().at(-1)!;
  const x0 = dayMs(firstDay);
  const x1 = Math.max(dayMs(lastDay), x0 + 86_400_000);
  const values = [goal.baseline, goal.target, ...goal.points.map((p) => p.value)];
  let yMin = Math.min(...values);
  let yMax = Math.max(...values);
  const span = yMax - yMin || Math.abs(yMax) || 1;
  yMin -= span * 0.12;
  yMax += span * 0.12;
  if (Math.min(...values) >= 0 && yMin < 0) yMin = 0;

  const x = (ymd: string) => pad.left + ((dayMs(ymd) - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const y = (value: number) => pad.top + (1 - (value - yMin) / (yMax - yMin)) * (height - pad.top - pad.bottom);

  const actual = [{ date: startDate < firstDay ? firstDay : startDate, value: goal.baseline }, ...goal.points];
  const actualPath = actual.map((p, index) => `${index === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const planned = goal.plannedPath.map((p, index) => `${index === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const ticks = niceTicks(yMin, yMax);
  const todayInside = today >= firstDay && today <= lastDay;
  const latest = goal.points.at(-1);
  const unit = goal.unit ? ` ${goal.unit}` : '';
  const summary = `From a baseline of ${number(goal.baseline)}${unit} toward a target of ${number(goal.target)}${unit} by ${format.day(goal.targetDate)}. `
    + (latest ? `Latest value ${number(latest.value)}${unit} on ${format.day(latest.date)}, ${percent(goal.progressShare)} of the way${goal.met ? '; the target is met' : ''}.` : 'No progress recorded yet.');

  return (
    <Stack gap={6}>
      <Box ref={ref}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} style={{ display: 'block' }}>
        <title id={titleId}>{`Progress chart: ${goal.statement}`}</title>
        <desc id={descId}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke={COLORS.grid} />
            <text x={pad.left - 8} y={y(tick) + 4} textAnchor="end" fontSize="11" fill={COLORS.axis}>{number(tick)}</text>
          </g>
        ))}
        <line x1={pad.left} x2={width - pad.right} y1={height - pad.bottom} y2={height - pad.bottom} stroke="#c9c4b8" />
        <text x={pad.left} y={height - 12} fontSize="11" fill={COLORS.axis}>{format.day(firstDay)}</text>
        <text x={width - pad.right} y={height - 12} fontSize="11" fill={COLORS.axis} textAnchor="end">{format.day(lastDay)}</text>
        {todayInside && (
          <g>
            <line x1={x(today)} x2={x(today)} y1={pad.top} y2={height - pad.bottom} stroke={COLORS.today} strokeDasharray="2 3" />
            <text x={x(today)} y={pad.top + 10} fontSize="10" fill={COLORS.today} textAnchor="middle" dy={-12}>Today</text>
          </g>
        )}
        {/* The target line, labelled at its right end. */}
        <line x1={pad.left} x2={width - pad.right} y1={y(goal.target)} y2={y(goal.target)} stroke={COLORS.target} strokeWidth="1.5" strokeDasharray="6 4" />
        <text x={width - pad.right + 6} y={y(goal.target) + 4} fontSize="11" fontWeight="600" fill="#8a6100">Target {number(goal.target)}</text>
        <path d={planned} fill="none" stroke={COLORS.planned} strokeWidth="1.5" strokeDasharray="3 4" />
        <path d={actualPath} fill="none" stroke={COLORS.actual} strokeWidth="2.5" strokeLinejoin="round" strokeLinecap="round" />
        {actual.map((p, index) => (
          <circle key={`${p.date}-${index}`} cx={x(p.date)} cy={y(p.value)} r={index === 0 ? 4 : 4.5} fill={index === 0 ? '#fff' : COLORS.actual} stroke={COLORS.actual} strokeWidth="2" />
        ))}
        {latest && (
          <text x={Math.min(x(latest.date) + 8, width - pad.right - 4)} y={y(latest.value) - 8} fontSize="11" fontWeight="700" fill={COLORS.actual}>{number(latest.value)}</text>
        )}
      </svg>
      </Box>
      <Group gap="lg" wrap="wrap" aria-hidden>
        <Legend color={COLORS.actual} label="Progress" />
        <Legend color={COLORS.planned} label="Planned path" dashed />
        <Legend color={COLORS.target} label="Target" dashed />
        {todayInside && <Legend color={COLORS.today} label="Today" dashed />}
      </Group>
      <VisuallyHidden>
        <table>
          <caption>{`Progress values of “${goal.statement}”`}</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Value</th></tr></thead>
          <tbody>
            <tr><td>{format.day(startDate)} (baseline)</td><td>{number(goal.baseline)}</td></tr>
            {goal.points.map((p) => <tr key={p.date}><td>{format.day(p.date)}</td><td>{number(p.value)}</td></tr>)}
            <tr><td>{format.day(goal.targetDate)} (target)</td><td>{number(goal.target)}</td></tr>
          </tbody>
        </table>
      </VisuallyHidden>
    </Stack>
  );
}

function Legend({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="22" height="8" aria-hidden focusable="false">
        <line x1="1" x2="21" y1="4" y2="4" stroke={color} strokeWidth="2.5" strokeDasharray={dashed ? '4 3' : undefined} />
      </svg>
      <Text size="xs" c="dimmed">{label}</Text>
    </Group>
  );
}

/**
 * Every goal on one time axis (the engagement's start to its planned end): a bar to the goal's
 * target date filled as far as the goal has come, its milestones as diamonds, and today.
 */
export function GoalsTimelineChart({ timeline }: { timeline: GoalTimeline }) {
  const format = useFormat();
  const titleId = useId();
  const descId = useId();
  const rowHeight = 58;
  const { ref, width: measured } = useElementSize();
  const width = Math.max(280, Math.round(measured || 720));
  const pad = { left: 12, right: 12, top: 28, bottom: 30 };
  const maxChars = Math.max(24, Math.floor((width - pad.left - pad.right) / 7));
  const height = pad.top + pad.bottom + Math.max(1, timeline.goals.length) * rowHeight;

  const days = [timeline.startDate, timeline.plannedEndDate, ...timeline.goals.flatMap((g) => [g.targetDate, ...g.milestones.map((m) => m.dueDate)])].sort();
  const first = days[0]!;
  const last = days.at(-1)!;
  const x0 = dayMs(first);
  const x1 = Math.max(dayMs(last), x0 + 86_400_000);
  const x = (ymd: string) => pad.left + ((dayMs(ymd) - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const todayInside = timeline.today >= first && timeline.today <= last;

  const milestoneCount = timeline.goals.reduce((sum, goal) => sum + goal.milestones.length, 0);
  const overdue = timeline.goals.flatMap((goal) => goal.milestones.filter((m) => m.status === 'overdue'));
  const summary = `From ${format.day(timeline.startDate)} to ${format.day(timeline.plannedEndDate)}: ${timeline.goals.length} goals and ${milestoneCount} milestones`
    + (overdue.length ? `, ${overdue.length} milestone${overdue.length === 1 ? '' : 's'} overdue.` : '.');

  return (
    <Stack gap={6}>
      <Box ref={ref}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} style={{ display: 'block' }}>
        <title id={titleId}>Timeline of goals and milestones</title>
        <desc id={descId}>{summary}</desc>
        {/* Engagement span */}
        <rect x={x(timeline.startDate)} y={pad.top - 10} width={Math.max(2, x(timeline.plannedEndDate) - x(timeline.startDate))} height={height - pad.top - pad.bottom + 14} fill="#f7f6f3" rx="6" />
        <text x={x(timeline.startDate)} y={14} fontSize="11" fill={COLORS.axis}>{width < 480 ? '' : 'Start '}{format.day(timeline.startDate)}</text>
        <text x={x(timeline.plannedEndDate)} y={14} fontSize="11" fill={COLORS.axis} textAnchor="end">{width < 480 ? '' : 'Planned end '}{format.day(timeline.plannedEndDate)}</text>
        {timeline.goals.map((goal, index) => {
          const top = pad.top + index * rowHeight;
          const barY = top + 24;
          const barStart = x(timeline.startDate);
          const barEnd = Math.max(barStart + 4, x(goal.targetDate));
          return (
            <g key={goal.goalId}>
              <text x={pad.left} y={top + 14} fontSize="12" fontWeight="600" fill="#2a2824">
                {goal.statement.length > maxChars ? `${goal.statement.slice(0, maxChars - 1)}…` : goal.statement}
              </text>
              <rect x={barStart} y={barY} width={barEnd - barStart} height={10} rx={5} fill={COLORS.track} />
              <rect x={barStart} y={barY} width={(barEnd - barStart) * goal.progressShare} height={10} rx={5} fill={goal.met ? COLORS.done : '#30a178'} />
              <line x1={barEnd} x2={barEnd} y1={barY - 6} y2={barY + 16} stroke={COLORS.target} strokeWidth="2" />
              {goal.milestones.map((milestone) => {
                const cx = x(milestone.dueDate);
                const color = COLORS[milestone.status];
                return (
                  <path key={milestone.id} d={`M${cx},${barY - 3} l7,8 l-7,8 l-7,-8 z`} fill={milestone.status === 'done' ? color : '#fff'} stroke={color} strokeWidth="2" />
                );
              })}
            </g>
          );
        })}
        {todayInside && (
          <g>
            <line x1={x(timeline.today)} x2={x(timeline.today)} y1={pad.top - 10} y2={height - pad.bottom + 6} stroke={COLORS.today} strokeWidth="1.5" strokeDasharray="3 3" />
            <text x={x(timeline.today)} y={height - 8} fontSize="11" fill={COLORS.today} textAnchor="middle">Today</text>
          </g>
        )}
      </svg>
      </Box>
      <Group gap="lg" wrap="wrap" aria-hidden>
        <LegendMark kind="done" label="Milestone done" />
        <LegendMark kind="upcoming" label="Milestone ahead" />
        <LegendMark kind="overdue" label="Milestone overdue" />
        <Legend color={COLORS.target} label="Goal due" />
      </Group>
      <VisuallyHidden>
        <ul>
          {timeline.goals.map((goal) => (
            <li key={goal.goalId}>
              {`${goal.statement}: due ${format.day(goal.targetDate)}, ${percent(goal.progressShare)} of the way.`}
              {goal.milestones.map((m) => ` Milestone “${m.title}” ${m.status} (${format.day(m.dueDate)}).`).join('')}
            </li>
          ))}
        </ul>
      </VisuallyHidden>
    </Stack>
  );
}

function LegendMark({ kind, label }: { kind: 'done' | 'upcoming' | 'overdue'; label: string }) {
  const color = COLORS[kind];
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="16" height="18" aria-hidden focusable="false">
        <path d="M8,1 l7,8 l-7,8 l-7,-8 z" fill={kind === 'done' ? color : '#fff'} stroke={color} strokeWidth="2" />
      </svg>
      <Text size="xs" c="dimmed">{label}</Text>
    </Group>
  );
}
