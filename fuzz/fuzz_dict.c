/* fuzz_dict.c: the dictionary loader and validator on any bytes, as an actor
** dictionary file, a role file and a place file in a scratch data directory. */
#include "fuzz.h"
#include "newsevents.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/ne-fuzz-dict.%d", (int)getpid());
    char p[512];
    mkdir(dir, 0700);
    snprintf(p, sizeof p, "%s/actors", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/places", dir);
    mkdir(p, 0700);
    return 0;
}

static void put(const char *name, const uint8_t *data, size_t size) {
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f) abort();
    fwrite(data, 1, size, f);
    fclose(f);
}

static void ignore(void *ctx, const char *msg) {
    (void)ctx;
    FUZZ_ASSERT(msg != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    size_t third = size / 3;
    put("actors/fuzz.txt", data, third);
    put("roles.txt", data + third, third);
    put("places/fuzz.txt", data + 2 * third, size - 2 * third);
    size_t nerr = 0, nent = 0;
    ne_dict_check(dir, ignore, NULL, &nerr, &nent);
    return 0;
}
