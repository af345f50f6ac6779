package buurtnet

import (
	"context"
	"fmt"
)

// Warm loads what the questions share for the store's current revision:
// the territory graph and every project's profile. The first question
// after a start would otherwise wait for them (a region's profiles take
// most of a second to read), and the questions of its first moments would
// share the cores with that load.
func (a *Analyst) Warm(ctx context.Context) error {
	ctx, err := a.pinRevision(ctx)
	if err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	if _, err := a.territoryGraph(ctx); err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	if _, err := a.profiles(ctx, ProfileQuery{All: true}); err != nil {
		return fmt.Errorf("warm: %w", err)
	}
	return nil
}
