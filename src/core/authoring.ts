/** What `New Dialogue` writes: a small, valid dialogue that shows the format by example. */
export function dialogueTemplate(title: string, topic: string): string {
  return `---
topic: ${topic}
level: senior
---

## ${title}

- **Tags:** practice
- **Time:** 10 min

> **Interviewer:** "The question you expect to be asked."
>
> **Candidate:** "A strong answer: specifics, numbers, trade-offs."

**Key points:**
- What a strong answer must cover.

> **Interviewer:** "A follow-up that pushes on the answer: what breaks first?"
>
> **Candidate:** "…"
`;
}
