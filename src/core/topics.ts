/** Where a dialogue goes in the tree when its file says nothing about its topic. */

const TOPIC_HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmock\b/i, 'Mock interviews'],
  [/\bsystem design\b|\bdesign (a|an|the)\b/i, 'System design'],
  [/\barchitect/i, 'Architecture'],
  [/\b(optimi[sz]|slow|perform|latency|profil)/i, 'Performance'],
  [/\b(database|sql|index|shard|replica|transaction)/i, 'Databases'],
  [/\bscal/i, 'Scaling'],
  [/\b(reliab|incident|outage|on-call|slo\b|postmortem|observab)/i, 'Reliability'],
  [/\b(secur|auth|threat|secret|vulnerab)/i, 'Security'],
  [/\b(lead|mentor|manag)/i, 'Leadership'],
  [/\b(conflict|collaborat|stakeholder|feedback)/i, 'Collaboration'],
  [/\b(career|behaviou?ral|tell me about yourself|strength|weakness)/i, 'Career'],
  [/\bdesign\b/i, 'System design'],
];

const FALLBACK_TOPIC = 'General';

export function inferTopic(title: string): string {
  return TOPIC_HINTS.find(([pattern]) => pattern.test(title))?.[1] ?? FALLBACK_TOPIC;
}

/** Design questions get the longer default budget and an outline in the draft. */
export function isDesignTopic(topic: string, title: string): boolean {
  return /design|mock/i.test(topic) || /\bdesign\b/i.test(title);
}

/** Behavioural questions (leadership, collaboration, career) are reviewed for situation, action, result, reflection. */
export function isBehaviouralTopic(topic: string, title: string): boolean {
  return /leadership|collaboration|career|behaviou?ral/i.test(topic) || /\bbehaviou?ral\b/i.test(title);
}
