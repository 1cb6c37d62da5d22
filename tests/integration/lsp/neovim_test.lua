-- The real Neovim (0.7, Debian's) as the client: start `contentlint lsp` on a bad
-- article, read its diagnostics, apply a quick fix and a disable comment, edit, and stop.
-- Run by run_neovim.py: nvim --headless -u NONE -c "luafile neovim_test.lua", with
-- $CONTENTLINT (the binary) and $SITE (an empty folder). Exits non-zero on failure.

local binary = assert(os.getenv('CONTENTLINT'), '$CONTENTLINT is not set')
local site = assert(os.getenv('SITE'), '$SITE is not set')

local function fail(message)
  error(message, 0)
end

local function check(what, got, want)
  if not vim.deep_equal(got, want) then
    fail(string.format('%s:\n  expected %s\n  got      %s', what, vim.inspect(want), vim.inspect(got)))
  end
end

local function wait_for(what, predicate)
  if not vim.wait(10000, predicate, 20) then
    fail('timed out waiting for ' .. what)
  end
end

-- Each diagnostic as "code line:col-line:col severity", 0-based lines, byte columns.
local function summary(bufnr)
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result, string.format('%s %d:%d-%d:%d %d', d.code, d.lnum, d.col, d.end_lnum,
      d.end_col, d.severity))
  end
  table.sort(result)
  return result
end

local function code_actions(bufnr, client_id, line, col)
  vim.api.nvim_win_set_cursor(0, { line + 1, col })
  local params = vim.lsp.util.make_range_params(0, 'utf-16')
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
  if not responses or not responses[client_id] then
    fail('no response to textDocument/codeAction')
  end
  if responses[client_id].err then
    fail('textDocument/codeAction failed: ' .. vim.inspect(responses[client_id].err))
  end
  return responses[client_id].result or {}
end

local function titles(actions)
  return vim.tbl_map(function(action) return action.title end, actions)
end

local function run()
  vim.fn.mkdir(site .. '/posts', 'p')
  vim.fn.writefile({
    'extends: none',
    'rules:',
    '  tag/format: warning',
    '  image/empty-url: error',
    '  text/trailing-space: warning',
  }, site .. '/.contentlint.yaml')
  local path = site .. '/posts/bad article.md'
  -- "😀" is two UTF-16 code units and four bytes: Neovim turns the server's UTF-16
  -- columns into byte columns, so a server counting anything else lands elsewhere.
  vim.fn.writefile({
    '---',
    'title: Neovim test',
    'tags: [Foo]',
    '---',
    '',
    'Intro 😀 text with ![😀](  ) inline.',
  }, path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()

  local exit_code
  local client_id = vim.lsp.start_client({
    name = 'contentlint',
    cmd = { binary, 'lsp' },
    root_dir = site,
    flags = { debounce_text_changes = 10 },
    on_exit = function(code) exit_code = code end,
  })
  if not client_id then fail('vim.lsp.start_client failed') end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then fail('buf_attach_client failed') end

  wait_for('the first diagnostics', function() return #vim.diagnostic.get(bufnr) == 2 end)
  check('diagnostics (byte columns)', summary(bufnr), {
    'image/empty-url 5:21-5:32 1',
    'tag/format 2:7-2:10 2',
  })
  local client = vim.lsp.get_client_by_id(client_id)
  check('the negotiated encoding', client.offset_encoding, 'utf-16')

  -- The tag's quick fix, as `--fix` would apply it.
  local actions = code_actions(bufnr, client_id, 2, 8)
  check('the tag\'s actions', titles(actions), { "change the tag to 'foo'", 'Disable tag/format for this line' })
  check('the fix is preferred', actions[1].isPreferred, true)
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  check('the fixed line', vim.api.nvim_buf_get_lines(bufnr, 2, 3, true), { 'tags: [foo]' })
  wait_for('the tag finding to go', function() return #vim.diagnostic.get(bufnr) == 1 end)
  check('diagnostics after the fix', summary(bufnr), { 'image/empty-url 5:21-5:32 1' })

  -- The image's disable comment, above its line.
  actions = code_actions(bufnr, client_id, 5, 22)
  check('the image\'s actions', titles(actions), { 'Disable image/empty-url for this line' })
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  check('the lines after disabling', vim.api.nvim_buf_get_lines(bufnr, 5, 7, true), {
    '<!-- contentlint-disable-next-line image/empty-url -->',
    'Intro 😀 text with ![😀](  ) inline.',
  })
  wait_for('no findings', function() return #vim.diagnostic.get(bufnr) == 0 end)

  -- An edit of the user's own: the new finding shows up where it is.
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, true, { '😀 trailing  ' })
  wait_for('the trailing-space finding', function() return #vim.diagnostic.get(bufnr) == 1 end)
  check('diagnostics after the edit', summary(bufnr), { 'text/trailing-space 7:13-7:15 2' })

  vim.lsp.stop_client(client_id)
  wait_for('the server to exit', function() return exit_code ~= nil end)
  check('the server\'s exit code', exit_code, 0)
end

local ok, err = pcall(run)
if ok then
  io.stdout:write('ok: neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor)
    .. ' got diagnostics, applied a quick fix and a disable comment, saw an edit linted\n')
  vim.cmd('qall!')
else
  io.stderr:write('FAILED: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
