import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Cairn's green: the moss on a trail marker. Shade 8 carries white text at 5.3:1 (WCAG AA). */
const cairn: MantineColorsTuple = [
  '#e7f5f0', '#d0ebe1', '#a3d6c3', '#72c0a3', '#4aad89', '#30a178', '#1f946c', '#16875f', '#0f7a57', '#095c41',
];

/** Warm grey stones. */
const stone: MantineColorsTuple = [
  '#f7f6f3', '#eeece7', '#dedad2', '#c9c4b8', '#aaa497', '#8c8678', '#6f6a5e', '#57534a', '#3f3c36', '#2a2824',
];

/** Warnings: Mantine's yellow text is too light on its own background; this amber is AA. */
const amber: MantineColorsTuple = [
  '#fff8e1', '#ffecb3', '#ffe082', '#ffd54f', '#ffca28', '#ffc107', '#ffb300', '#b07d00', '#8a6100', '#6b4a00',
];

export const theme = createTheme({
  primaryColor: 'cairn',
  // Shade 8 in every color keeps white text on filled buttons and badges readable (AA).
  primaryShade: { light: 8, dark: 6 },
  colors: { cairn, stone, amber },
  defaultRadius: 'md',
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  cursorType: 'pointer',
  // People who ask their system for less motion get no transitions (modals, menus, notifications).
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { fw: 600 } },
    // Links inside text must not rely on color alone (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md' } },
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
    Modal: { defaultProps: { centered: true, radius: 'md', closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // The focus placeholder is a role=presentation child of role=menu, which axe reports as critical.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } },
  },
});

/** Mantine's default dimmed grey (3.3:1 on white) and error red fall short of WCAG AA; darker ones pass. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': '#7a8088',
    '--mantine-color-body': '#ffffff',
  },
  dark: {},
});
