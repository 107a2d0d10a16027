/**
 * The popup's forms used less often, Today (its list, totals and edits) and the away prompts, in one chunk loaded when the first of them is opened (components/load-when-used.tsx).
 * One module, not one per form: with three dynamic imports or more, Rolldown takes what they share with the popup out
 * of popup-script.js into chunks the popup fetches as it opens (rolldown/rolldown#10731).
 */
export { ExpenseForm } from '@/components/expense/ExpenseForm';
export { EditExpense } from './EditExpense';
export { EditEntry } from './EditEntry';
export { SplitEntry } from './SplitEntry';
export { StartEditor } from './StartEditor';
export { SplitTimer } from './SplitTimer';
export { TodayList } from './TodayList';
export { AwayStoppedPrompt, IdlePrompt } from './IdlePrompt';
