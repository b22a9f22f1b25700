/**
 * Class names for a table that stacks on a phone: below the `sm` breakpoint each row becomes a block
 * and each cell a line headed by its `data-label`, so a table never scrolls sideways on a phone.
 * Give the table `stackedTable`, its head `stackedHead`, its body and rows `stackedBlock`, and each
 * cell `stackedCell` with a `data-label` naming its column.
 */
export const stackedTable = "w-full text-left text-sm max-sm:block";
export const stackedHead = "max-sm:sr-only";
export const stackedBlock = "max-sm:block";
export const stackedCell =
  "px-3 py-2 align-top max-sm:flex max-sm:gap-3 max-sm:px-0 max-sm:py-0.5 max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:font-medium max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)]";
