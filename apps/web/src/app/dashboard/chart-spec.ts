/** One line or one set of bars of a chart. */
export interface ChartSeries {
  /** Its name in the legend. */
  name: string;
  /** One value per label; null leaves a gap (a month without decisions). */
  values: readonly (number | null)[];
  color: string;
  /** A dashed line with square points, told apart from a solid one without colour. */
  dashed?: boolean;
}

/** What a chart shows, whatever draws it: bars or lines over the same labels. */
export interface ChartSpec {
  kind: 'bar' | 'line';
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** The value axis's title, e.g. "Dagar". */
  valueTitle?: string;
  /** How the value axis writes a number (kronor, whole numbers). */
  formatValue?: (value: number) => string;
  legend: boolean;
}
