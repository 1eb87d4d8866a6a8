/* ne_fixture.h: the group fixture shared by the unit tests: one engine,
** opened from $NEWSEVENTS_DATA before the group's tests and closed after. */
#ifndef NE_FIXTURE_H
#define NE_FIXTURE_H

#include "newsevents.h"

static ne_engine *engine;

static int setup(void **state) {
    (void)state;
    return ne_engine_open(&engine, NULL) == NE_OK ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    ne_engine_close(engine);
    return 0;
}

#endif
