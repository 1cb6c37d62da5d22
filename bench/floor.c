/* The parse floor: the least work any Markdown-with-front-matter linter must do.
 *
 * Reads every file named (folders are walked for *.md), splits off the front matter
 * (`---` ... `---`), loads it with libyaml into a document tree and parses the body with
 * libcmark (with source positions, as contentlint asks for). No rules, no output beyond a
 * one-line count on stderr. `-j N` spreads the files over N threads (default 1).
 *
 *   cc -O2 -o floor bench/floor.c -lcmark -lyaml -lpthread
 *   ./floor [-j N] PATH...
 */
#define _XOPEN_SOURCE 700
#include <cmark.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static char** files;
static size_t file_count, file_capacity;
static atomic_size_t next_file;
static atomic_size_t yaml_errors, total_bytes;

static void add_file(const char* path) {
  if (file_count == file_capacity) {
    file_capacity = file_capacity ? file_capacity * 2 : 1024;
    files = realloc(files, file_capacity * sizeof *files);
    if (!files) abort();
  }
  files[file_count++] = strdup(path);
}

static int visit(const char* path, const struct stat* info, int type, struct FTW* ftw) {
  (void)info;
  (void)ftw;
  size_t n = strlen(path);
  if (type == FTW_F && n > 3 && strcmp(path + n - 3, ".md") == 0) add_file(path);
  return 0;
}

static char* read_all(const char* path, size_t* size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat info;
  if (fstat(fd, &info) != 0) {
    close(fd);
    return NULL;
  }
  char* bytes = malloc((size_t)info.st_size + 1);
  size_t done = 0;
  ssize_t got;
  while (done < (size_t)info.st_size &&
         (got = read(fd, bytes + done, (size_t)info.st_size - done)) > 0)
    done += (size_t)got;
  close(fd);
  bytes[done] = '\0';
  *size = done;
  return bytes;
}

/* Length of the front matter block (between the fences) and where the body starts. */
static void split(const char* text, size_t size, size_t* fm_begin, size_t* fm_end, size_t* body) {
  *fm_begin = *fm_end = *body = 0;
  if (size < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r')) return;
  const char* first_break = memchr(text, '\n', size);
  if (!first_break) return;
  size_t line = (size_t)(first_break - text) + 1;
  while (line < size) {
    const char* end = memchr(text + line, '\n', size - line);
    size_t next = end ? (size_t)(end - text) + 1 : size;
    if (strncmp(text + line, "---", 3) == 0 &&
        (line + 3 == size || text[line + 3] == '\n' || text[line + 3] == '\r')) {
      *fm_begin = 4;
      *fm_end = line;
      *body = next;
      return;
    }
    line = next;
  }
}

static void parse_one(const char* path) {
  size_t size;
  char* text = read_all(path, &size);
  if (!text) {
    fprintf(stderr, "floor: cannot read %s\n", path);
    return;
  }
  total_bytes += size;
  size_t fm_begin, fm_end, body;
  split(text, size, &fm_begin, &fm_end, &body);
  if (fm_end > fm_begin) {
    yaml_parser_t parser;
    yaml_document_t document;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char*)text + fm_begin, fm_end - fm_begin);
    if (yaml_parser_load(&parser, &document)) {
      yaml_document_delete(&document);
    } else {
      yaml_errors++;
    }
    yaml_parser_delete(&parser);
  }
  cmark_node* root = cmark_parse_document(text + body, size - body, CMARK_OPT_SOURCEPOS);
  cmark_node_free(root);
  free(text);
}

static void* work(void* unused) {
  (void)unused;
  for (size_t i = next_file++; i < file_count; i = next_file++) parse_one(files[i]);
  return NULL;
}

int main(int argc, char** argv) {
  int jobs = 1;
  int opt;
  while ((opt = getopt(argc, argv, "j:")) != -1) {
    if (opt == 'j') {
      jobs = atoi(optarg);
    } else {
      fprintf(stderr, "usage: floor [-j N] PATH...\n");
      return 2;
    }
  }
  for (int i = optind; i < argc; ++i) {
    struct stat info;
    if (stat(argv[i], &info) != 0) {
      fprintf(stderr, "floor: no such file: %s\n", argv[i]);
      return 2;
    }
    if (S_ISDIR(info.st_mode)) {
      nftw(argv[i], visit, 32, FTW_PHYS);
    } else {
      add_file(argv[i]);
    }
  }
  if (jobs < 1) jobs = 1;
  pthread_t* threads = calloc((size_t)jobs, sizeof *threads);
  for (int j = 1; j < jobs; ++j) pthread_create(&threads[j], NULL, work, NULL);
  work(NULL);
  for (int j = 1; j < jobs; ++j) pthread_join(threads[j], NULL);
  fprintf(stderr, "floor: %zu files, %zu bytes, %zu front matter errors\n", file_count,
          (size_t)total_bytes, (size_t)yaml_errors);
  for (size_t i = 0; i < file_count; ++i) free(files[i]);
  free(files);
  free(threads);
  return 0;
}
