/**
 * nodejieba's load options, shared by this thread's jieba (jieba.ts) and the dictionary's own thread
 * (jieba-thread.ts), which cannot import each other: the thread's module runs as a worker's entry.
 */

/** nodejieba's load options for the user dictionary `userDict`, with the keyword tables' stand-in `keywords` when given. */
export function loadOptions(userDict: string, keywords: string | undefined): { userDict: string; idfDict?: string; stopWordDict?: string } {
  return keywords === undefined ? { userDict } : { userDict, idfDict: keywords, stopWordDict: keywords };
}
