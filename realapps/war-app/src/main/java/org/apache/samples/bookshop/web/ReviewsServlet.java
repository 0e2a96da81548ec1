package org.apache.samples.bookshop.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.apache.samples.bookshop.data.ReaderDao;
import org.apache.samples.bookshop.data.ReviewDao;
import org.apache.samples.bookshop.domain.Reader;
import org.apache.samples.bookshop.domain.Review;

/** GET /reviews: the latest reviews, each signed by its reader, as plain text. */
public final class ReviewsServlet extends HttpServlet {

    private static final int LATEST = 10;

    private ReviewDao reviews;
    private ReaderDao readers;

    @Override
    public void init() {
        DataSource dataSource = (DataSource) getServletContext().getAttribute(DatabaseListener.DATA_SOURCE);
        reviews = new ReviewDao(dataSource);
        readers = new ReaderDao(dataSource);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setContentType("text/plain; charset=UTF-8");
        try {
            List<Review> latest = reviews.latest(LATEST);
            PrintWriter out = response.getWriter();
            for (Review review : latest) {
                // One select per review for its reader: the N+1 this application ships with.
                String reader = readers.find(review.readerId()).map(Reader::name).orElse("anonymous"); // each review's reader
                out.printf("%s  %s  %d/5  by %s%n", review.written(), review.bookTitle(), review.stars(), reader);
            }
        } catch (SQLException e) {
            throw new ServletException("cannot read the reviews", e);
        }
    }
}
