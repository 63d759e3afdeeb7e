// Package bonus turns scores into money HR can defend: a pool per cycle (for
// the company or per unit) solved exactly to the rounding step, pro-rating
// and eligibility from join and leave dates, calibration of rating bands
// with reasons and a target distribution, sign-off snapshots and a what-if
// simulator. It is pure: no storage, no files, no clock; docs/bonus.md states
// every rule with worked examples.
package bonus
