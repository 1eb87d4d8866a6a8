/* test_arena_poison.c: in AddressSanitizer builds the arena poisons what it has
** not handed out (arena.c), so a read one byte past an allocation is reported
** even though it stays inside the arena's block.  Exit 77 (skip) without ASan. */
#include "neInt.h"

#include <stdio.h>
#include <string.h>

#ifndef NE_ASAN
int main(void) {
    puts("skip: not an AddressSanitizer build (the arena poisons nothing there)");
    return 77;
}
#else
#include <sys/wait.h>
#include <unistd.h>

static int failures;
#define CHECK(c)                                                              \
    do {                                                                      \
        if (!(c)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
            failures++;                                                       \
        }                                                                     \
    } while (0)

static int poisoned(const void *p) { return __asan_address_is_poisoned(p); }

/* Every byte of each allocation addressable, its padding, the red zone before
** it and the block's tail not; after reset nothing of the spare blocks. */
static void check_states(void) {
    ne_arena a;
    neA_init(&a);
    char *p = neA_alloc(&a, 5), *q = neA_alloc(&a, 16), *big = neA_alloc(&a, 200000);
    CHECK(p && q && big);
    for (int i = 0; i < 5; i++) CHECK(!poisoned(p + i));
    for (int i = 5; i < 16; i++) CHECK(poisoned(p + i)); /* alignment padding */
    CHECK(!poisoned(q) && !poisoned(q + 15));
    for (int i = 1; i <= NE_ARENA_RZ; i++) CHECK(poisoned(p - i) && poisoned(q - i)); /* the red zones before */
    CHECK(poisoned(q + 16)); /* the block's unused tail */
    CHECK(!poisoned(big) && !poisoned(big + 199999) && poisoned(big + 200000));
    char *s = neA_strndup(&a, "abc", 3);
    CHECK(s && !poisoned(s + 3) && poisoned(s + 4));
    neA_reset(&a);
    CHECK(poisoned(p) && poisoned(q)); /* kept as a spare block, nothing handed out */
    char *r = neA_alloc(&a, 40);
    CHECK(r && !poisoned(r + 39) && poisoned(r + 40));
    neA_free(&a);
}

/* A block of 512 KB or more is whole 2 MB huge pages (arena.c block_new):
** an allocation of 3 MB is addressable to its end and not past it, the rest
** of its 4 MB goes to the allocations after it, and the block is given back
** on reset (oversized) and free; a block of one huge page is kept as a spare. */
static void check_huge_block(void) {
    ne_arena a;
    neA_init(&a);
    size_t n = (size_t)3 << 20;
    char *big = neA_alloc(&a, n);
    CHECK(big != NULL);
    if (!big) return;
    memset(big, 1, n);
    CHECK(!poisoned(big + n - 1) && poisoned(big + n));
    char *next = neA_alloc(&a, 100000); /* fits in the huge block's last page */
    CHECK(next && next > big && next < big + ((size_t)4 << 20) && !poisoned(next + 99999) && poisoned(next + 100000));
    neA_reset(&a);
    char *r = neA_alloc(&a, 40);
    CHECK(r && !poisoned(r + 39));
    char *mid = neA_alloc(&a, 600000); /* one huge page */
    CHECK(mid && !poisoned(mid + 599999) && poisoned(mid + 600000));
    neA_reset(&a);
    char *again = neA_alloc(&a, 600000); /* the spare block again */
    CHECK(again == mid && !poisoned(again + 599999));
    neA_free(&a);
}

/* The child reads one byte past a 5-byte allocation; ASan must stop it. */
static void check_report(void) {
    int fd[2];
    CHECK(pipe(fd) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 2);
        close(fd[0]);
        ne_arena a;
        neA_init(&a);
        neA_alloc(&a, 32); /* the bad read lands in the middle of a block */
        volatile char *p = neA_alloc(&a, 5);
        neA_alloc(&a, 32);
        char c = p[5];
        c = (char)(c + p[-NE_ARENA_RZ]); /* not reached: ASan stops at the first */
        fprintf(stderr, "read %d past the allocation unreported\n", c);
        _exit(0);
    }
    close(fd[1]);
    char out[16384];
    size_t n = 0;
    ssize_t got;
    while ((got = read(fd[0], out + n, sizeof out - 1 - n)) > 0) n += (size_t)got;
    out[n] = 0;
    close(fd[0]);
    int st = 0;
    CHECK(waitpid(pid, &st, 0) == pid);
    CHECK(!(WIFEXITED(st) && WEXITSTATUS(st) == 0));
    CHECK(strstr(out, "AddressSanitizer") != NULL);
    CHECK(strstr(out, "use-after-poison") != NULL);
    if (failures) fprintf(stderr, "child's stderr:\n%s\n", out);
}

int main(void) {
    check_states();
    check_huge_block();
    check_report();
    if (failures) return 1;
    puts("ok: arena poisoning");
    return 0;
}
#endif
