// Reading an agreement report: kappa with its usual verbal band (Landis & Koch 1977), percentages.
export function formatKappa(kappa: number | null): string {
  return kappa === null ? '—' : kappa.toFixed(2);
}

/** Landis & Koch's bands; null (undefined kappa) reads as "n/a". */
export function kappaBand(kappa: number | null): string {
  if (kappa === null) return 'n/a';
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(0)}%`;
}
