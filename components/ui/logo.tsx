export function Logo({ className = "size-6" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={`${className} text-path`} fill="none" stroke="currentColor" strokeWidth="2.2">
      <path d="M6 21V13M6 13C6 8 18 9 18 3M6 13V3" strokeLinecap="round" />
      <circle cx="6" cy="3" r="1.6" fill="currentColor" stroke="none" />
      <circle cx="18" cy="3" r="1.6" fill="currentColor" stroke="none" />
    </svg>
  );
}
