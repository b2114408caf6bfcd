import type { ReactNode } from 'react';
import type { Scale } from './api';
import classes from './likert.module.css';

/** Every point of a scale, with its label where the instrument gives one. */
export function scalePoints(scale: Scale): { value: number; label: string | null }[] {
  const points: { value: number; label: string | null }[] = [];
  for (let value = scale.min; value <= scale.max; value += 1) points.push({ value, label: scale.labels.find((l) => l.value === value)?.label ?? null });
  return points;
}

/**
 * One statement and its scale as native radio buttons in a fieldset: Tab reaches the group, the
 * arrow keys choose, and a screen reader hears the statement with each choice. Scales where every
 * point has a label (1–5) show the labels; longer numeric scales (0–10) show numbers, with the
 * labels of their ends beneath.
 */
export function LikertItem({ name, number, text, scale, value, onChange, skipLabel, skipped, disabled, children }: {
  /** Unique on the page: the radios' group name. */
  name: string;
  number?: number;
  text: ReactNode;
  scale: Scale;
  value: number | null;
  onChange: (value: number | null) => void;
  /** Offer a "did not see it" choice that clears the answer (360 raters may skip). */
  skipLabel?: string;
  skipped?: boolean;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const points = scalePoints(scale);
  const numeric = points.some((p) => !p.label);
  const columns = points.length + (skipLabel ? 1 : 0);
  const ends = numeric ? [points[0]?.label, points.at(-1)?.label] : null;
  return (
    <fieldset className={classes.item} data-answered={value !== null || skipped || undefined} disabled={disabled}>
      <legend className={classes.legend}>
        {number !== undefined && <><span className={classes.number}>{number}.</span>{' '}</>}
        {text}
      </legend>
      {children}
      <div className={`${classes.choices} ${numeric ? classes.numeric : ''}`} style={{ '--choices': columns } as React.CSSProperties}>
        {points.map((point) => (
          <label key={point.value} className={classes.choice}>
            <input
              className={classes.input}
              type="radio"
              name={name}
              value={point.value}
              checked={value === point.value}
              onChange={() => onChange(point.value)}
              aria-label={numeric ? `${point.value}${point.label ? ` (${point.label})` : ''}` : undefined}
            />
            <span className={classes.face} aria-hidden={numeric || undefined}>{numeric ? point.value : point.label}</span>
          </label>
        ))}
        {skipLabel && (
          <label className={`${classes.choice} ${classes.skip}`}>
            <input className={classes.input} type="radio" name={name} value="" checked={Boolean(skipped) && value === null} onChange={() => onChange(null)} />
            <span className={classes.face}>{skipLabel}</span>
          </label>
        )}
      </div>
      {ends && (
        <div className={classes.ends} aria-hidden>
          <span>{scale.min} · {ends[0]}</span>
          <span>{ends[1]} · {scale.max}</span>
        </div>
      )}
    </fieldset>
  );
}
