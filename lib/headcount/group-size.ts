// Privacy: the minimum number of positions or people behind any aggregated cost shown to roles
// without compensation:read (the same rule as budgets).
export const MIN_GROUP_SIZE = 3;
