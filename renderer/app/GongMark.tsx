/** The app's mark: a chiêng seen face-on, its central boss and rings. */
export function GongMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#b8860b" />
      <circle cx="32" cy="32" r="24" fill="none" stroke="#7a5200" strokeWidth="2" />
      <circle cx="32" cy="32" r="17" fill="none" stroke="#e7c15a" strokeWidth="1.5" />
      <circle cx="32" cy="32" r="9" fill="#7a5200" />
      <circle cx="29" cy="29" r="3" fill="#e7c15a" />
    </svg>
  );
}
